/**
 * Identification and grading of major hazard sources of hazardous chemicals (危险化学品重大危险源辨识与分级) under
 * GB 18218-2018, and under GB 18218-2009 with the 2011 grading method for old records.
 *
 * <p>Entry point: {@link org.hazardwatch.grading.Gb18218Grader#grade(GradingRequest)}. Everything here is plain Java
 * (no OSGi or framework types), so REST resources, shell commands and batch jobs can all call it.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.grading;
