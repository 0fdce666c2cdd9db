/** Ids, errors, paging and the acting user's name: used by every module. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.tierup.shared;
