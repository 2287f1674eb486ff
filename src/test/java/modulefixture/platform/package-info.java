/** The fixture's platform: what every module may use. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package modulefixture.platform;
