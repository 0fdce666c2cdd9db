/** The page shell: layout, menu, home page, error pages and error documents. No business rules. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package cn.tierup.web;
