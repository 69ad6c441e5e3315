/** Implementation of the portable JPA change source; not an API. */
package io.triggercache.jpa.internal;
