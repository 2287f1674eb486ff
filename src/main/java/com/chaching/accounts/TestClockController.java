package com.chaching.accounts;

import com.chaching.platform.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Test clock", description = "A sandbox account's clock, to move time through billing without waiting.")
class TestClockController {

    private final TestClockService testClocks;

    TestClockController(TestClockService testClocks) {
        this.testClocks = testClocks;
    }

    @GetMapping("/test-clock")
    @Operation(operationId = "retrieveTestClock", summary = "Read the test clock",
            description = "Sandbox accounts only; a live account gets 404.")
    TestClock read(Tenant tenant) {
        return testClocks.read(tenant);
    }

    @PostMapping("/test-clock/advance")
    @Operation(operationId = "advanceTestClock", summary = "Advance the test clock", description = """
            Moves the sandbox account's clock forward to `to` (to the second). Every timestamp the account's \
            objects get from then on reads from it. The clock never moves back: an earlier `to` is a 400. From \
            there it keeps running at real speed.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "toChristmasEve", summary = "Move to a later instant", value = """
                    {"to": "2026-12-24T10:00:00Z"}"""))))
    TestClock advance(Tenant tenant, @Valid @RequestBody AdvanceRequest request) {
        return testClocks.advance(tenant, request);
    }
}
