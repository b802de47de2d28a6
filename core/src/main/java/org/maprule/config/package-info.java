/**
 * Deployment settings shared by the cloud adapters.
 *
 * <ul>
 *   <li>{@link org.maprule.config.ServiceSettings}: the {@code MAPRULE_*} environment variables
 *       (Lambda environment, Azure app settings) read from an injected environment into a
 *       {@link org.maprule.http.ServiceConfig}, a rules source and a format; refused values are
 *       {@link org.maprule.MapruleException}s naming the variable and the value.
 *   <li>{@link org.maprule.config.RulesSource}: the {@code MAPRULE_RULES} value — the built-in
 *       example, a resource in the deployed jars, or a file — and reading it.
 * </ul>
 *
 * <p>Nothing here reads {@code System.getenv()}: each adapter passes its environment, its default
 * cloud name and the directory relative rule-file paths resolve against.
 */
package org.maprule.config;
