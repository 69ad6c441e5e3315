package io.triggercache.oracle.model;

import java.util.Objects;

/** A value object stored through {@link CategoryConverter} and used as a suffix value (value equality). */
public final class Category {

    private final String code;

    public Category(String code) {
        this.code = Objects.requireNonNull(code);
    }

    public String code() {
        return code;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Category c && c.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return "Category[" + code + "]";
    }
}
