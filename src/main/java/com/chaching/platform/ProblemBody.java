package com.chaching.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON of every error response: RFC 9457 members plus Chaching's {@code code}, {@code param} and {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "An RFC 9457 problem; every error response has this shape.")
public record ProblemBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A URI naming the problem type.", example = "urn:chaching:problem:parameter_invalid") String type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A short summary of the problem type.", example = "Bad Request") String title,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The HTTP status code.", example = "400") int status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What went wrong, for a person.") String detail,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A stable snake_case word a program can switch on.", example = "parameter_invalid") String code,
        @Schema(description = "The request field the problem is about, when there is one.", example = "email") @Nullable String param,
        @Schema(description = "Every failing field, for validation errors.") List<ApiProblem.FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static ProblemBody of(ApiProblem problem) {
        return new ProblemBody("urn:chaching:problem:" + problem.code(), problem.status().getReasonPhrase(),
                problem.status().value(), problem.detail(), problem.code(), problem.param(), problem.errors());
    }
}
