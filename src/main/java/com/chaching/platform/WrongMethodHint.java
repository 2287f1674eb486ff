package com.chaching.platform;

import org.jspecify.annotations.Nullable;

/**
 * A module's advice for a request that reached one of its paths with a method that path does not take
 * ({@code POST /prices}): the 405 then says where the caller should have gone. Platform cannot know the
 * modules' paths, so each module that has such a likely mistake contributes a bean.
 */
public interface WrongMethodHint {

    /** One or two sentences for the 405's detail, or null when this module has nothing to say about the request. */
    @Nullable String hint(String method, String path);
}
