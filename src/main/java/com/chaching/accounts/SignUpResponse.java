package com.chaching.accounts;

import io.swagger.v3.oas.annotations.media.Schema;

/** The new account and its secret key: the only time the key is shown. */
record SignUpResponse(
        Account account,
        @Schema(description = "The secret API key. It is shown once; only its hash is stored.", example = "sk_test_…") String apiKey) {
}
