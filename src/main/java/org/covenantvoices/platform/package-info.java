/**
 * Infrastructure every module shares: the PostgreSQL data source, the Redis client and key scheme,
 * and the embedded servers that make a zero-setup local run possible.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.covenantvoices.platform;
