/**
 * In-container tests: the packaged EAR on a real Liberty (rms-arq) with its JTA, JPA and JMS, each test
 * run inside the server by Arquillian and tagged {@code in-container} (rms-ear's arquillian execution).
 */
package arq;
