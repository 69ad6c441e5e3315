package io.triggercache.oracle.model;

/** A post's status: an enum stored as its name and used as a suffix value. */
public enum Status {
    DRAFT, PUBLISHED, ARCHIVED
}
