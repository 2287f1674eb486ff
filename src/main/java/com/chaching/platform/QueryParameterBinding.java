package com.chaching.platform;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RestController;

/**
 * Query parameters bound to filters and pages: an empty value is no value, so {@code ?currency=} means
 * the same as no {@code currency} filter, for every filter alike. Request bodies are read by Jackson and
 * are not affected. The API's controllers only: a dashboard form's field sent empty stays {@code ""}, which
 * is what its {@code @RequestParam(defaultValue = "")} parameters expect (made null here, they failed).
 */
@ControllerAdvice(annotations = RestController.class)
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
