package vn.canhgac.commons.limits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an import (a CSV of assets, a CSAF or KEV catalogue, a botnet list, an SBOM, a batch of alerts): its body
 * may be as large as the service's {@code quarkus.http.limits.max-body-size}. Every other body is a JSON document
 * of at most {@link BodyLimits#DOCUMENT_BYTES}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LargeBody {}
