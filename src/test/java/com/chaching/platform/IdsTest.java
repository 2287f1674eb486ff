package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreThePrefixAnUnderscoreAnd24Base62Characters() {
        assertThat(Ids.newId("cus")).matches("cus_[0-9A-Za-z]{24}");
        assertThat(Ids.newId("in")).matches("in_[0-9A-Za-z]{24}");
    }

    @Test
    void everyBase62CharacterIsUsed() {
        Set<Character> seen = new HashSet<>();
        IntStream.range(0, 2_000).forEach(i -> Ids.randomToken(24).chars().forEach(c -> seen.add((char) c)));
        assertThat(seen).hasSize(62);
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 100_000).forEach(i -> ids.add(Ids.newId("x")));
        assertThat(ids).hasSize(100_000);
    }
}
