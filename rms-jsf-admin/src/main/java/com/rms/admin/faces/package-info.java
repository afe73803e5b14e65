/** Showing the application's errors as Faces messages on the components they concern. */
package com.rms.admin.faces;
