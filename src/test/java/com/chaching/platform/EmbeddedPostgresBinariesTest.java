package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL runs on Linux and macOS, on x86-64 and arm64 (operations.md "Embedded mode"):
 * zonky looks for {@code postgres-<system>-<architecture>.txz} on the class path.
 */
class EmbeddedPostgresBinariesTest {

    @Test
    void binariesForLinuxAndMacOsOnX86AndArmAreOnTheClassPath() {
        for (String platform : new String[] {"linux-x86_64", "linux-arm_64", "darwin-x86_64", "darwin-arm_64"}) {
            assertThat(resource("postgres-" + platform + ".txz")).as(platform).isTrue();
        }
    }

    @Test
    void noBinariesThatThePromiseDoesNotCoverAreShipped() {
        assertThat(resource("postgres-windows-x86_64.txz")).as("Windows").isFalse();
        assertThat(resource("postgres-linux-x86_64-alpine_linux.txz")).as("Alpine").isFalse();
    }

    private static boolean resource(String name) {
        return EmbeddedPostgresBinariesTest.class.getClassLoader().getResource(name) != null;
    }
}
