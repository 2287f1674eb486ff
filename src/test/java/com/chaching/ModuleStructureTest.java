package com.chaching;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** architecture.md "Modules": dependencies point one way and no module reaches into another's internals. */
class ModuleStructureTest {

    @Test
    void modulesDependDownwardOnlyAndUseEachOthersPublicFaceOnly() {
        ApplicationModules.of(ChachingApplication.class).verify();
    }
}
