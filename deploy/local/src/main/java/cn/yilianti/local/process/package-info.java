/** Child processes: started with their log in a file, waited for, stopped or killed. */
@NullMarked
package cn.yilianti.local.process;

import org.jspecify.annotations.NullMarked;
