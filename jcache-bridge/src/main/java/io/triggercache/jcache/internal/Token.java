package io.triggercache.jcache.internal;

/**
 * One value of a group token or an epoch, with the time (epoch nanoseconds, {@link io.triggercache.spi.ViewClock}) of the invalidation that put
 * it in place: what {@link io.triggercache.spi.LoadTicket#invalidatedAt()} is made of. A token created
 * because none was there carries the latest time at which the store may have forgotten an earlier one.
 *
 * @param value         the token, random and non-zero
 * @param invalidatedAt the time of the invalidation it stands for; {@code 0} for none known
 */
record Token(long value, long invalidatedAt) {
}
