package io.calmsdk.core.model;

import io.calmsdk.core.exception.InvalidServiceKeyException;

/** Builds {@link InvalidServiceKeyException}s naming the JSON path, never the value. */
final class KeyProblems {

    private KeyProblems() {
    }

    static JsonIn.Problems of(String kind) {
        return (path, problem) -> invalid(kind, path, problem);
    }

    static InvalidServiceKeyException invalid(String kind, String path, String problem) {
        return new InvalidServiceKeyException(path, kind + " is invalid: " + path + " " + problem);
    }
}
