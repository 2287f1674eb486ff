/** The fixture's tax module, declared like com.chaching.tax. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
@org.jspecify.annotations.NullMarked
package modulefixture.tax;
