package io.triggercache.oracle.model;

/** Where a gathering takes place: an enum used as a suffix value of a TABLE_PER_CLASS hierarchy. */
public enum Zone {
    EMEA, AMERICAS, APAC
}
