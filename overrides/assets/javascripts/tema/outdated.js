/* Material for MkDocs 9.8.1, partials/javascripts/outdated.html, moved from an inline <script> (see base.js).
   The base URL comes from data-base and is resolved against the page: Material's inline version
   called new URL(base_url) without a base, which throws for the relative base_url MkDocs gives. */
var __md_outdated_base = document.currentScript.getAttribute("data-base");
var el=document.querySelector("[data-md-component=outdated]"),base=new URL(__md_outdated_base,location),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)
