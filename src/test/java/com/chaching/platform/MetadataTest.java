package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataTest {

    @Test
    void createDropsEmptyValues() {
        Map<String, String> given = new HashMap<>();
        given.put("keep", "1");
        given.put("empty", "");
        given.put("null", null);

        assertThat(Metadata.forCreate(given)).containsExactly(Map.entry("keep", "1"));
    }

    @Test
    void updateMergesAndEmptyRemoves() {
        Map<String, String> changes = new HashMap<>();
        changes.put("b", "");
        changes.put("c", null);
        changes.put("d", "4");

        assertThat(Metadata.merge(Map.of("a", "1", "b", "2", "c", "3"), changes))
                .containsExactly(Map.entry("a", "1"), Map.entry("d", "4"));
        assertThat(Metadata.merge(Map.of("a", "1"), null)).containsExactly(Map.entry("a", "1"));
    }
}
