package modulefixture;

import org.springframework.modulith.Modulithic;

/**
 * A three-module application whose tax module breaks architecture.md's rule by using a customers service:
 * ModuleStructureTest shows that the allowed dependencies declared in package-info.java catch it. Outside
 * {@code com.chaching}, so the service never scans it; not a Spring Boot application, so nothing starts it.
 */
@Modulithic
public class ModuleFixtureApplication {
}
