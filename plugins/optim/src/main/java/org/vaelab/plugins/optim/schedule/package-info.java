/**
 * Learning-rate schedules shared by every built-in optimizer: the {@code schedule} block of an
 * optimizer's configuration and the ND4J {@link org.nd4j.linalg.schedule.ISchedule} it becomes.
 */
package org.vaelab.plugins.optim.schedule;
