/* Material for MkDocs 9.8.1, partials/javascripts/content.html, moved from an inline <script> (see base.js). */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
