package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerTypePredicate;

/**
 * {@link QueryParameterBinding} names the API's controllers by package (issue 14): every {@code @RestController}
 * of the application must be in its list, or that controller's empty query parameters would stay {@code ""};
 * and no dashboard controller may be, or its empty form fields would become null.
 */
class QueryParameterBindingTest {

    private static final HandlerTypePredicate ADVISED = HandlerTypePredicate.forBasePackage(
            QueryParameterBinding.class.getAnnotation(ControllerAdvice.class).basePackages());

    @Test
    void everyApiControllerIsAdvisedAndNoDashboardController() {
        List<Class<?>> api = controllers(RestController.class);
        List<Class<?>> dashboard = controllers(Controller.class).stream()
                .filter(type -> type.getPackageName().startsWith("com.chaching.dashboard")).toList();

        assertThat(api).hasSizeGreaterThanOrEqualTo(15).allSatisfy(type -> assertThat(ADVISED.test(type)).as(type.getName()).isTrue());
        assertThat(dashboard).hasSizeGreaterThan(5).allSatisfy(type -> assertThat(ADVISED.test(type)).as(type.getName()).isFalse());
    }

    private static List<Class<?>> controllers(Class<? extends java.lang.annotation.Annotation> annotation) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
        return scanner.findCandidateComponents("com.chaching").stream()
                .filter(definition -> !definition.getBeanClassName().contains("Test"))
                .<Class<?>>map(definition -> {
                    try {
                        return Class.forName(definition.getBeanClassName());
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }
}
