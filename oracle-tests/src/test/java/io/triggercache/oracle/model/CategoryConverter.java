package io.triggercache.oracle.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Category} as {@code "cat:<code>"}: the database value differs from the Java value on purpose. */
@Converter
public class CategoryConverter implements AttributeConverter<Category, String> {

    @Override
    public String convertToDatabaseColumn(Category category) {
        return category == null ? null : "cat:" + category.code();
    }

    @Override
    public Category convertToEntityAttribute(String column) {
        return column == null ? null : new Category(column.substring("cat:".length()));
    }
}
