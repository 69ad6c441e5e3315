/**
 * The Facelets tag library {@code urn:triggercache:faces} ({@code <tc:cache>}, {@code <tc:trigger>}): rendered
 * markup cached in the deployment's triggercache store and dropped when the data it was rendered from changes.
 */
package io.triggercache.faces;
