/** Plugin discovery: ServiceLoader finds {@code VaePlugin} modules, one Guice injector holds every registry. */
package org.vaelab.core.plugin;
