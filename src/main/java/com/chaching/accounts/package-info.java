/** Sign-up, API keys, account settings and the sandbox test clock. */
@org.jspecify.annotations.NullMarked
package com.chaching.accounts;
