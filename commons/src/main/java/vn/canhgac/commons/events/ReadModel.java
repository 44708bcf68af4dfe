package vn.canhgac.commons.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose answer is built from a read model, named by its consumer: the answer then says how
 * fresh that read model is, in the headers {@code Canhgac-Data-As-Of} (the publication time of the newest event
 * applied) and {@code Canhgac-Data-Behind} (events waiting to be applied, with the work its service said waits beside
 * them: {@link ConsumerFreshness#waiting}), so that a console can show "as of".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadModel {

    /** The consumers that keep it ({@code advisory-service.assets}). */
    String[] value();
}
