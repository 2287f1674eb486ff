/** Sign-up, API keys, account settings and the sandbox test clock. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"events", "platform"})
@org.jspecify.annotations.NullMarked
package com.chaching.accounts;
