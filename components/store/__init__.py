"""Reading the data files and every cache: the loaders, the citations of each source, what each page prepares
once per server or per link, each page's link declarations and the downloadable exhibits; ``data.clear_all()``
empties every cache."""
