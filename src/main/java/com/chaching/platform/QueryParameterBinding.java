package com.chaching.platform;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query parameters bound to filters and pages: an empty value is no value, so {@code ?currency=} means
 * the same as no {@code currency} filter, for every filter alike. Request bodies are read by Jackson and
 * are not affected.
 */
@ControllerAdvice
class QueryParameterBinding {

    @InitBinder
    void emptyIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : text);
            }
        });
    }
}
