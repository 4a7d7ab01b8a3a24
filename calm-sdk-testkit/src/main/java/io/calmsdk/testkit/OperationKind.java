package io.calmsdk.testkit;

/** The asynchronous Service Manager operations a fault can target. */
public enum OperationKind {
    /** Creating a service instance. */
    INSTANCE_CREATE,
    /** Updating a service instance. */
    INSTANCE_UPDATE,
    /** Deleting a service instance. */
    INSTANCE_DELETE,
    /** Creating a service binding. */
    BINDING_CREATE,
    /** Deleting a service binding. */
    BINDING_DELETE
}
