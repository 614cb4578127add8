/**
 * Internal helpers for reading JSON without a library. Not API: shapes may change between releases.
 */
package io.pipelineguard.internal.json;
