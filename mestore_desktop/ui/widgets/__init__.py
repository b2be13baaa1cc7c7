"""Small widgets of the main window shell: header, environment badge, navigation, status."""
