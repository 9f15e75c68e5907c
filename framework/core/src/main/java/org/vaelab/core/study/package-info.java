/**
 * Studies: a base spec swept over a grid, zipped values and seeds (DESIGN.md section 6). A study
 * file is read with every problem located ({@link StudyReader}), expanded into trials in a fixed
 * order, each validated before the first starts ({@link StudyPlanner}), sliced into shards
 * ({@link ShardSelection}), run as processes of their own and summarised from the trial runs that
 * the local runs folder and the trackers recorded ({@link StudyRunner}).
 */
package org.vaelab.core.study;
