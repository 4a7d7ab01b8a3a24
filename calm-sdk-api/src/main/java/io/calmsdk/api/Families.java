package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;

/** The typed family clients of one {@link CloudAlmClient}, all over its one caller. */
record Families(ProjectsClient projects, TasksClient tasks, ProcessHierarchyClient processHierarchy,
                FeaturesClient features, DocumentsClient documents, TestCasesClient testCases,
                RequirementsClient requirements, ProcessManagementClient processManagement,
                ProcessAuthoringClient processAuthoring, AnalyticsClient analytics, LandscapeClient landscape,
                StatusEventsClient statusEvents, TestPlansClient testPlans,
                MetricsClient metrics, LogsClient logs) {

    static Families of(ApiCaller caller) {
        TasksClient tasks = new TasksClient(caller);
        ProcessManagementClient processManagement = new ProcessManagementClient(caller);
        return new Families(new ProjectsClient(caller, tasks, processManagement), tasks,
                new ProcessHierarchyClient(caller), new FeaturesClient(caller), new DocumentsClient(caller),
                new TestCasesClient(caller), new RequirementsClient(tasks), processManagement,
                new ProcessAuthoringClient(caller),
                new AnalyticsClient(caller), new LandscapeClient(caller), new StatusEventsClient(caller),
                new TestPlansClient(caller), new MetricsClient(caller),
                new LogsClient(caller));
    }
}
