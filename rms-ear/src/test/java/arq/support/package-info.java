/** What the in-container tests share: the deployment, a provisioned shop, row readers, waiting. */
package arq.support;
