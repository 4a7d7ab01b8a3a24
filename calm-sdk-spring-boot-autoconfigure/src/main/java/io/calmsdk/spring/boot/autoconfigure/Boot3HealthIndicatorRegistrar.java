package io.calmsdk.spring.boot.autoconfigure;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the {@code calm} health indicator on Spring Boot 3.5, whose {@code HealthIndicator} lives in
 * {@code org.springframework.boot.actuate.health} (Spring Boot 4 moved it to {@code spring-boot-health}).
 * This module is compiled against Spring Boot 4 only, so the 3.5 interface is implemented by a JDK proxy,
 * and {@code Health} is built reflectively. The bean definition names the interface as its type, so the
 * actuator finds the indicator before it is created.
 */
final class Boot3HealthIndicatorRegistrar implements ImportBeanDefinitionRegistrar, BeanFactoryAware,
        BeanClassLoaderAware {

    static final String INDICATOR = "org.springframework.boot.actuate.health.HealthIndicator";
    private static final String HEALTH = "org.springframework.boot.actuate.health.Health";

    private BeanFactory beanFactory;
    private ClassLoader classLoader;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        if (registry.containsBeanDefinition(CalmHealthAutoConfiguration.BEAN_NAME)) {
            return;
        }
        Class<?> type = load(INDICATOR);
        BeanFactory factory = beanFactory;
        RootBeanDefinition definition = new RootBeanDefinition();
        definition.setBeanClass(type);
        definition.setTargetType(type);
        definition.setInstanceSupplier(() -> indicator(type, factory.getBean(CalmHealthCheck.class)));
        registry.registerBeanDefinition(CalmHealthAutoConfiguration.BEAN_NAME, definition);
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Spring Boot 3 actuator class " + name + " not found", e);
        }
    }

    /** A Boot 3 {@code HealthIndicator} whose {@code health()} reports the check. */
    static Object indicator(Class<?> type, CalmHealthCheck check) {
        ClassLoader loader = type.getClassLoader();
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "health":
                    if (method.getParameterCount() == 0) {
                        return health(loader, check.result());
                    }
                    return InvocationHandler.invokeDefault(proxy, method, args);
                case "toString":
                    return "CalmHealthIndicator{" + check + "}";
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException(method.toString());
            }
        };
        return Proxy.newProxyInstance(loader, new Class<?>[] {type}, handler);
    }

    private static Object health(ClassLoader loader, CalmHealthCheck.Result result) throws ReflectiveOperationException {
        Class<?> health = Class.forName(HEALTH, false, loader);
        Object builder = health.getMethod(result.up() ? "up" : "down").invoke(null);
        Method withDetails = builder.getClass().getMethod("withDetails", Map.class);
        withDetails.invoke(builder, result.details());
        return builder.getClass().getMethod("build").invoke(builder);
    }
}
