package com.chaching.catalog;

import com.chaching.platform.WrongMethodHint;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** {@code POST /prices} is the natural guess, but a price is created under its product (api.md: {@code POST /prices/{productId}}). */
@Component
class PriceCreationHint implements WrongMethodHint {

    @Override
    public @Nullable String hint(String method, String path) {
        if (method.equals("POST") && path.equals("/prices")) {
            return "Prices are created at POST /prices/{productId}, for the product they price.";
        }
        return null;
    }
}
