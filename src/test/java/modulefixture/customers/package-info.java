/** The fixture's customers module, declared like com.chaching.customers (minus accounts, absent here). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
@org.jspecify.annotations.NullMarked
package modulefixture.customers;
