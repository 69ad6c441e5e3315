/** Implementation details; not an API. */
package io.triggercache.cdc.internal;
