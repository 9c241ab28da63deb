/**
 * The front door (docs/product.md §16): the home page every person lands on after signing in, with the links their
 * groups may use, their open tasks and their unread notifications, and the start-up line naming the URLs to open.
 */
package io.crmflow.home;
