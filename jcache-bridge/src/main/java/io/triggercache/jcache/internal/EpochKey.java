package io.triggercache.jcache.internal;

/** The identity of one region's epoch token in a shared token cache. */
record EpochKey(String region) {
}
