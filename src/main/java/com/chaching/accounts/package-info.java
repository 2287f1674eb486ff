/** Sign-up, API keys, account settings and the sandbox test clock. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
@org.jspecify.annotations.NullMarked
package com.chaching.accounts;
