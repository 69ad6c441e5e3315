/**
 * Implementation of the JCache store: the token protocol ({@link io.triggercache.jcache.internal.TokenRegion}
 * and its two placements), token storage and provider specifics. Not an API: anything here may change
 * without notice.
 */
package io.triggercache.jcache.internal;
